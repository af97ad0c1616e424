package org.linli.governance.domain;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

	private final DataOutputStream out;

	BinaryCopy(OutputStream out) throws IOException {
		this.out = new DataOutputStream(out);
		this.out.write(SIGNATURE);
		this.out.writeInt(0);
		this.out.writeInt(0);
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
		for (UUID value : values) {
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
		List<Short> digits = numericDigits(value, header);
		this.out.writeInt(8 + 2 * digits.size());
		this.out.writeShort(digits.size());
		this.out.writeShort(header[1]);
		this.out.writeShort(header[2]);
		this.out.writeShort(header[3]);
		for (short digit : digits) {
			this.out.writeShort(digit);
		}
		return this;
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
		this.out.flush();
	}

}
