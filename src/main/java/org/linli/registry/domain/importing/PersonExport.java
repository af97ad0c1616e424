package org.linli.registry.domain.importing;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.registry.domain.PersonRecord;
import org.linli.registry.domain.PersonalDataPolicy;
import org.linli.shared.crypto.FieldCipher;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Exports a community's persons to .xlsx in the import layout, masked for the exporting user's role; cells are made
 * safe by {@link SafeWorkbook}.
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
		List<String> header = java.util.Arrays.stream(SheetColumn.values())
			.map(column -> this.messages.getMessage("import.column." + column.field(), null, locale))
			.toList();
		try (SafeWorkbook workbook = new SafeWorkbook(
				this.messages.getMessage("import.template.sheet", null, locale), header)) {
			this.jdbc.sql("""
					select p.id, p.name, p.id_number_enc, p.phone_enc, p.relation, p.birth_date, p.gender,
					       b.name as building, r.unit, r.number
					  from registry.person p
					  left join registry.household h on h.id = p.household_id and h.community_id = p.community_id
					  left join registry.room r on r.id = h.room_id and r.community_id = h.community_id
					  left join registry.building b on b.id = r.building_id and b.community_id = r.community_id
					 where p.community_id = :c order by b.sort_order, r.unit, r.number, p.created_at
					""").param("c", communityId).query(rs -> {
						PersonRecord person = new PersonRecord(rs.getObject("id", UUID.class), communityId, null,
								rs.getString("name"), "RESIDENT_ID", this.cipher.decrypt(rs.getString("id_number_enc")),
								this.cipher.decrypt(rs.getString("phone_enc")), null, rs.getString("gender"),
								rs.getString("relation"), List.of());
						PersonRecord shown = PersonalDataPolicy.view(person, user, false, false);
						workbook.row(java.util.Arrays.asList(rs.getString("building"), rs.getString("unit"),
								rs.getString("number"), shown.name(), shown.idNumber(), shown.phone(), this.messages
									.getMessage("relation." + shown.relation(), null, shown.relation(), locale)));
					});
			return workbook.toBytes();
		}
	}

}
