package org.linli.registry.domain.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.registry.domain.PersonalDataPolicy;
import org.linli.shared.crypto.FieldCipher;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Exports a community's rooms and vehicles to .xlsx, masked for the exporting user's role exactly as the pages mask
 * them (names, mobiles, plates by {@link PersonalDataPolicy}); cells are made safe by {@link SafeWorkbook}.
 */
@Component
public class RegistryExport {

	private static final List<String> ROOM_COLUMNS = List.of("building", "unit", "floor", "number", "area",
			"areaSource", "use", "owners", "ownerPhones", "residents");

	private static final List<String> VEHICLE_COLUMNS = List.of("plate", "newEnergy", "owner", "ownerPhone", "room");

	/** A current owner of a room, decrypted; masked before it is written. */
	private record Owner(String type, String name, String phone) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final MessageSource messages;

	RegistryExport(JdbcClient jdbc, FieldCipher cipher, MessageSource messages) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.messages = messages;
	}

	/** Every room with its area, use, current owners and number of residents. */
	public byte[] rooms(UUID communityId, CurrentUser user, Locale locale) {
		Map<UUID, List<Owner>> owners = new HashMap<>();
		this.jdbc.sql("""
				select o.room_id, o.owner_type, p.name, p.phone_enc from registry.ownership o
				  left join registry.person p on p.id = o.person_id and p.community_id = o.community_id
				 where o.community_id = :c and o.until is null order by p.name
				""").param("c", communityId).query(rs -> {
					owners.computeIfAbsent(rs.getObject("room_id", UUID.class), room -> new ArrayList<>())
						.add(new Owner(rs.getString("owner_type"), rs.getString("name"),
								this.cipher.decrypt(rs.getString("phone_enc"))));
				});
		try (SafeWorkbook workbook = new SafeWorkbook(text("registry.export.sheet.rooms", locale),
				header(ROOM_COLUMNS, locale))) {
			this.jdbc.sql("""
					select r.id, b.name as building, r.unit, r.floor, r.number, r.exclusive_area, r.area_source,
					       r.room_use,
					       (select count(*) from registry.household h join registry.person p
					           on p.household_id = h.id and p.community_id = h.community_id
					         where h.community_id = r.community_id and h.room_id = r.id) as residents
					  from registry.room r join registry.building b on b.id = r.building_id
					   and b.community_id = r.community_id
					 where r.community_id = :c order by b.sort_order, b.name, r.unit, r.floor, r.number
					""").param("c", communityId).query(rs -> {
						List<Owner> current = owners.getOrDefault(rs.getObject("id", UUID.class), List.of());
						workbook.row(Arrays.asList(rs.getString("building"), rs.getString("unit"),
								rs.getString("floor"), rs.getString("number"), rs.getBigDecimal("exclusive_area")
									.toPlainString(),
								text("registry.areaSource." + rs.getString("area_source"), locale),
								text("registry.use." + rs.getString("room_use"), locale),
								join(current.stream().map(o -> "DEVELOPER".equals(o.type())
										? text("registry.developer", locale) : PersonalDataPolicy.name(user, o.name()))
									.toList()),
								join(current.stream().filter(o -> o.phone() != null)
									.map(o -> PersonalDataPolicy.phone(user, o.phone())).toList()),
								rs.getString("residents")));
					});
			return workbook.toBytes();
		}
	}

	/** Every vehicle with its owner and room. */
	public byte[] vehicles(UUID communityId, CurrentUser user, Locale locale) {
		try (SafeWorkbook workbook = new SafeWorkbook(text("registry.export.sheet.vehicles", locale),
				header(VEHICLE_COLUMNS, locale))) {
			this.jdbc.sql("""
					select v.plate, v.new_energy, p.name, p.phone_enc, b.name || ' ' || r.unit || '-' || r.number as room
					  from registry.vehicle v
					  join registry.person p on p.id = v.person_id and p.community_id = v.community_id
					  left join registry.room r on r.id = v.room_id and r.community_id = v.community_id
					  left join registry.building b on b.id = r.building_id and b.community_id = r.community_id
					 where v.community_id = :c order by v.plate
					""").param("c", communityId).query(rs -> {
						String phone = this.cipher.decrypt(rs.getString("phone_enc"));
						workbook.row(Arrays.asList(PersonalDataPolicy.plate(user, rs.getString("plate")),
								text(rs.getBoolean("new_energy") ? "registry.export.yes" : "registry.export.no", locale),
								PersonalDataPolicy.name(user, rs.getString("name")),
								phone == null ? null : PersonalDataPolicy.phone(user, phone), rs.getString("room")));
					});
			return workbook.toBytes();
		}
	}

	private List<String> header(List<String> columns, Locale locale) {
		return columns.stream().map(column -> text("registry.export.column." + column, locale)).toList();
	}

	private String text(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

	private static String join(List<String> values) {
		return String.join("、", values);
	}

}
