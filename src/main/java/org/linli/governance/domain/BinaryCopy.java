package org.linli.governance.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format: no text parsing of uuids, arrays, numbers and times on the server, about
 * half the server's work of a text COPY for the voter roll. Only the types the roll needs: uuid, integer, text,
 * numeric, uuid[] and timestamptz.
 */
final class BinaryCopy {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	/** pg_type oid of uuid, the element type of uuid[]. */
	private static final int UUID_OID = 2950;

	/** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in microseconds since 1970. */
	private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

	private static final long[] TEN_POWERS = { 1, 10, 100, 1000 };

	/** Fields are encoded here (big-endian, no locking per value) and handed on 64 KiB at a time. */
	private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

	private final OutputStream sink;

	private final Out out = new Out();

	BinaryCopy(OutputStream sink) throws IOException {
		this.sink = sink;
		this.out.write(SIGNATURE);
		this.out.writeInt(0);
		this.out.writeInt(0);
	}

	/** The few writes the format needs, into the buffer, which is drained to the sink when full. */
	private final class Out {

		private ByteBuffer room(int bytes) throws IOException {
			ByteBuffer buffer = BinaryCopy.this.buffer;
			if (buffer.remaining() < bytes) {
				drain();
			}
			return buffer;
		}

		void writeShort(int value) throws IOException {
			room(2).putShort((short) value);
		}

		void writeInt(int value) throws IOException {
			room(4).putInt(value);
		}

		void writeLong(long value) throws IOException {
			room(8).putLong(value);
		}

		void write(byte[] bytes) throws IOException {
			if (bytes.length > BinaryCopy.this.buffer.capacity()) {
				drain();
				BinaryCopy.this.sink.write(bytes);
			}
			else {
				room(bytes.length).put(bytes);
			}
		}

		void drain() throws IOException {
			ByteBuffer buffer = BinaryCopy.this.buffer;
			BinaryCopy.this.sink.write(buffer.array(), 0, buffer.position());
			buffer.clear();
		}

	}

	BinaryCopy row(int fields) throws IOException {
		this.out.writeShort(fields);
		return this;
	}

	BinaryCopy uuid(UUID value) throws IOException {
		if (value == null) {
			this.out.writeInt(-1);
			return this;
		}
		this.out.writeInt(16);
		this.out.writeLong(value.getMostSignificantBits());
		this.out.writeLong(value.getLeastSignificantBits());
		return this;
	}

	BinaryCopy integer(int value) throws IOException {
		this.out.writeInt(4);
		this.out.writeInt(value);
		return this;
	}

	BinaryCopy text(String value) throws IOException {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		this.out.writeInt(bytes.length);
		this.out.write(bytes);
		return this;
	}

	BinaryCopy uuids(List<UUID> values) throws IOException {
		if (values.isEmpty()) {
			this.out.writeInt(12);
			this.out.writeInt(0);
			this.out.writeInt(0);
			this.out.writeInt(UUID_OID);
			return this;
		}
		this.out.writeInt(20 + values.size() * 20);
		this.out.writeInt(1);
		this.out.writeInt(0);
		this.out.writeInt(UUID_OID);
		this.out.writeInt(values.size());
		this.out.writeInt(1);
		for (int i = 0; i < values.size(); i++) {
			UUID value = values.get(i);
			this.out.writeInt(16);
			this.out.writeLong(value.getMostSignificantBits());
			this.out.writeLong(value.getLeastSignificantBits());
		}
		return this;
	}

	BinaryCopy timestamp(Instant value) throws IOException {
		this.out.writeInt(8);
		this.out.writeLong(Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L),
				value.getNano() / 1000) - PG_EPOCH_MICROS);
		return this;
	}

	/** numeric: base-10000 digit groups aligned at the decimal point, weight of the first, sign and display scale. */
	BinaryCopy numeric(BigDecimal value) throws IOException {
		short[] header = new short[4];
		short[] digits = numericGroups(value, header);
		this.out.writeInt(8 + 2 * header[0]);
		this.out.writeShort(header[0]);
		this.out.writeShort(header[1]);
		this.out.writeShort(header[2]);
		this.out.writeShort(header[3]);
		for (int i = 0; i < header[0]; i++) {
			this.out.writeShort(digits[i]);
		}
		return this;
	}

	/**
	 * The digit groups of a numeric, most significant first (the first header[0] of the answer); header receives
	 * [ndigits, weight, sign, dscale]. Arithmetic on the unscaled long when it fits (every area), else by text.
	 */
	static short[] numericGroups(BigDecimal value, short[] header) {
		int scale = Math.max(value.scale(), 0);
		BigDecimal scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
		if (scale > 16 || scaled.unscaledValue().bitLength() > 50) {
			List<Short> digits = numericDigits(value, header);
			short[] groups = new short[digits.size()];
			for (int i = 0; i < groups.length; i++) {
				groups[i] = digits.get(i);
			}
			return groups;
		}
		// pad the fraction to whole groups: |value| * 10^padded is an integer below 2^50 * 10^3
		int padded = (scale + 3) / 4 * 4;
		long rest = Math.abs(scaled.unscaledValue().longValueExact()) * TEN_POWERS[padded - scale];
		short[] reversed = new short[6];
		int count = 0;
		int lowestWeight = -padded / 4;
		while (rest != 0 && rest % 10_000 == 0) {
			rest /= 10_000;
			lowestWeight++;
		}
		while (rest != 0) {
			reversed[count++] = (short) (rest % 10_000);
			rest /= 10_000;
		}
		short[] groups = new short[count];
		for (int i = 0; i < count; i++) {
			groups[i] = reversed[count - 1 - i];
		}
		header[0] = (short) count;
		header[1] = (short) (count == 0 ? 0 : lowestWeight + count - 1);
		header[2] = (short) (value.signum() < 0 ? 0x4000 : 0);
		header[3] = (short) scale;
		return groups;
	}

	/** The digit groups of a numeric; header receives [ndigits, weight, sign, dscale]. */
	static List<Short> numericDigits(BigDecimal value, short[] header) {
		int scale = Math.max(value.scale(), 0);
		String plain = value.setScale(scale, RoundingMode.UNNECESSARY).abs().toPlainString();
		int dot = plain.indexOf('.');
		String integer = dot < 0 ? plain : plain.substring(0, dot);
		String fraction = dot < 0 ? "" : plain.substring(dot + 1);
		integer = "0".repeat((4 - integer.length() % 4) % 4) + integer;
		fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
		List<Short> groups = new ArrayList<>();
		for (int i = 0; i < integer.length(); i += 4) {
			groups.add(Short.parseShort(integer.substring(i, i + 4)));
		}
		int weight = groups.size() - 1;
		for (int i = 0; i < fraction.length(); i += 4) {
			groups.add(Short.parseShort(fraction.substring(i, i + 4)));
		}
		while (!groups.isEmpty() && groups.getFirst() == 0) {
			groups.removeFirst();
			weight--;
		}
		while (!groups.isEmpty() && groups.getLast() == 0) {
			groups.removeLast();
		}
		if (groups.isEmpty()) {
			weight = 0;
		}
		header[0] = (short) groups.size();
		header[1] = (short) weight;
		header[2] = (short) (value.signum() < 0 ? 0x4000 : 0);
		header[3] = (short) scale;
		return groups;
	}

	void finish() throws IOException {
		this.out.writeShort(-1);
		this.out.drain();
		this.sink.flush();
	}

}
