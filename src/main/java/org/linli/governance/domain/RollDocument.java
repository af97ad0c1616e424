package org.linli.governance.domain;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The frozen voter roll (投票人名册) of one vote as one binary value, written once when the vote opens
 * (governance.vote_roll, ADR 0006): the opening stores this single value instead of one row per entry, and the per-entry
 * table governance.voter is expanded from it afterwards. Big-endian, the layout SQL builds with {@code int4send},
 * {@code int8send} and {@code uuid_send} (V98 builds the documents of rolls frozen before it that way):
 * <pre>
 * "LLR1" int4 entries, then per entry in position order:
 *   uuid id, int4 position, text kind, int8 area in hundredths, text area sources,
 *   int4 n + n uuid room ids, text rooms label, int4 n + n uuid person ids, text owner names,
 *   int4 0|1 + the designated person's uuid
 * text = int4 length in bytes + UTF-8
 * </pre>
 * Areas are exact: the roll's areas have two decimals (numeric(14, 2)); anything else is refused, never rounded.
 */
final class RollDocument {

	private static final byte[] MAGIC = { 'L', 'L', 'R', '1' };

	private RollDocument() {
	}

	static byte[] encode(List<RollEntry> roll) {
		Writer out = new Writer(roll.size() * 160 + 64);
		out.bytes(MAGIC);
		out.int4(roll.size());
		for (RollEntry entry : roll) {
			out.uuid(entry.voterId());
			out.int4(entry.position());
			out.text(entry.kind().name());
			out.int8(hundredths(entry.area()));
			out.text(entry.areaSources());
			out.uuids(entry.roomIds());
			out.text(entry.roomsLabel());
			out.uuids(entry.personIds());
			out.text(entry.ownerNames());
			out.uuids(entry.designated() == null ? List.of() : List.of(entry.designated()));
		}
		return out.toArray();
	}

	static List<RollEntry> decode(byte[] document) {
		ByteBuffer in = ByteBuffer.wrap(document);
		byte[] magic = new byte[MAGIC.length];
		in.get(magic);
		if (!Arrays.equals(magic, MAGIC)) {
			throw new IllegalArgumentException("not a roll document");
		}
		int size = in.getInt();
		List<RollEntry> roll = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			UUID id = uuid(in);
			int position = in.getInt();
			RollEntry.Kind kind = RollEntry.Kind.valueOf(text(in));
			BigDecimal area = BigDecimal.valueOf(in.getLong(), 2);
			String sources = text(in);
			List<UUID> rooms = uuids(in);
			String label = text(in);
			List<UUID> persons = uuids(in);
			String names = text(in);
			List<UUID> designated = uuids(in);
			roll.add(new RollEntry(id, position, kind, rooms, label, persons, names,
					designated.isEmpty() ? null : designated.getFirst(), area, sources));
		}
		if (in.hasRemaining()) {
			throw new IllegalArgumentException("roll document has " + in.remaining() + " bytes after its entries");
		}
		return roll;
	}

	static byte[] sha256(byte[] document) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(document);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long hundredths(BigDecimal area) {
		// exact: throws if the area has more than two decimals or does not fit
		return area.movePointRight(2).longValueExact();
	}

	private static UUID uuid(ByteBuffer in) {
		return new UUID(in.getLong(), in.getLong());
	}

	private static List<UUID> uuids(ByteBuffer in) {
		int n = in.getInt();
		if (n == 0) {
			return List.of();
		}
		UUID[] ids = new UUID[n];
		for (int k = 0; k < n; k++) {
			ids[k] = uuid(in);
		}
		return List.of(ids);
	}

	private static String text(ByteBuffer in) {
		int length = in.getInt();
		String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
		in.position(in.position() + length);
		return text;
	}

	/** A growing big-endian byte array (no locking per value, unlike DataOutputStream). */
	private static final class Writer {

		private byte[] bytes;

		private int size;

		Writer(int capacity) {
			this.bytes = new byte[capacity];
		}

		private void room(int more) {
			if (this.size + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.size + more, this.bytes.length * 2));
			}
		}

		void bytes(byte[] value) {
			room(value.length);
			System.arraycopy(value, 0, this.bytes, this.size, value.length);
			this.size += value.length;
		}

		void int4(int value) {
			room(4);
			this.bytes[this.size++] = (byte) (value >>> 24);
			this.bytes[this.size++] = (byte) (value >>> 16);
			this.bytes[this.size++] = (byte) (value >>> 8);
			this.bytes[this.size++] = (byte) value;
		}

		void int8(long value) {
			int4((int) (value >>> 32));
			int4((int) value);
		}

		void uuid(UUID id) {
			int8(id.getMostSignificantBits());
			int8(id.getLeastSignificantBits());
		}

		void uuids(List<UUID> ids) {
			int4(ids.size());
			for (UUID id : ids) {
				uuid(id);
			}
		}

		void text(String value) {
			byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
			int4(utf8.length);
			bytes(utf8);
		}

		byte[] toArray() {
			return Arrays.copyOf(this.bytes, this.size);
		}

	}

}
