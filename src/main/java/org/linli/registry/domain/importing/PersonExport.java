package org.linli.registry.domain.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.linli.identity.CurrentUser;
import org.linli.registry.domain.PersonRecord;
import org.linli.registry.domain.PersonalDataPolicy;
import org.linli.shared.crypto.FieldCipher;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Exports a community's persons to .xlsx in the import layout, masked for the exporting user's role. Every cell is
 * a text cell, and text that a spreadsheet could read as a formula is marked quote-prefixed as well.
 */
@Component
public class PersonExport {

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final MessageSource messages;

	PersonExport(JdbcClient jdbc, FieldCipher cipher, MessageSource messages) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.messages = messages;
	}

	public byte[] export(UUID communityId, CurrentUser user, Locale locale) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			SXSSFSheet sheet = workbook.createSheet(this.messages.getMessage("import.template.sheet", null, locale));
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle quoted = workbook.createCellStyle();
			quoted.cloneStyleFrom(text);
			quoted.setQuotePrefixed(true);
			Row header = sheet.createRow(0);
			SheetColumn[] columns = SheetColumn.values();
			for (int i = 0; i < columns.length; i++) {
				cell(header, i, this.messages.getMessage("import.column." + columns[i].field(), null, locale), text,
						quoted);
			}
			int[] rowNumber = { 1 };
			this.jdbc.sql("""
					select p.id, p.name, p.id_number_enc, p.phone_enc, p.relation, p.birth_date, p.gender,
					       b.name as building, r.unit, r.number
					  from registry.person p
					  left join registry.household h on h.id = p.household_id and h.community_id = p.community_id
					  left join registry.room r on r.id = h.room_id and r.community_id = h.community_id
					  left join registry.building b on b.id = r.building_id and b.community_id = r.community_id
					 where p.community_id = :c order by b.sort_order, r.unit, r.number, p.created_at
					""").param("c", communityId).query((rs, n) -> {
						PersonRecord person = new PersonRecord(rs.getObject("id", UUID.class), communityId, null,
								rs.getString("name"), "RESIDENT_ID", this.cipher.decrypt(rs.getString("id_number_enc")),
								this.cipher.decrypt(rs.getString("phone_enc")), null, rs.getString("gender"),
								rs.getString("relation"), java.util.List.of());
						PersonRecord shown = PersonalDataPolicy.view(person, user, false, false);
						Row row = sheet.createRow(rowNumber[0]++);
						String[] values = { rs.getString("building"), rs.getString("unit"), rs.getString("number"),
								shown.name(), shown.idNumber(), shown.phone(), this.messages
									.getMessage("relation." + shown.relation(), null, shown.relation(), locale) };
						for (int i = 0; i < values.length; i++) {
							cell(row, i, values[i], text, quoted);
						}
						return null;
					}).list();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void cell(Row row, int column, String value, CellStyle text, CellStyle quoted) {
		Cell cell = row.createCell(column);
		String safe = value == null ? "" : value;
		cell.setCellValue(safe);
		cell.setCellStyle(!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0 ? quoted : text);
	}

}
