package org.linli.demo;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo compound as DOMAIN.md §1 describes it, created once. */
@LinliIntegrationTest
class DemoDataIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoData demoData;

	@Test
	void theDemoCompoundHas1500HouseholdsOn120000SquareMetres() {
		String compound = "(select id from registry.community where code = 'xingfuli')";
		assertThat(this.jdbc.sql("select sum(gross_area) from registry.room where community_id = " + compound)
			.query(BigDecimal.class).single()).isEqualByComparingTo("120000.00");
		assertThat(this.jdbc.sql("select count(*) from registry.household where community_id = " + compound)
			.query(Long.class).single()).isEqualTo(1500);
		assertThat(this.jdbc.sql("select count(*) from registry.room where community_id = " + compound
				+ " and not has_elevator").query(Long.class).single()).isEqualTo(120);
		assertThat(this.jdbc.sql("select count(distinct (building_id, unit)) from registry.room where community_id = "
				+ compound + " and not has_elevator").query(Long.class).single()).isEqualTo(12);
	}

	@Test
	void everyDemoAccountExistsAndTheResidentOwnsTheRoomTheyLiveIn() {
		assertThat(this.jdbc.sql("select username from identity.account where demo").query(String.class).list())
			.contains("admin", "manager", "staff", "tech", "committee", "resident", "auditor", "pm", "engineer",
					"ownerrep");
		long ownsHome = this.jdbc.sql("""
				select count(*) from identity.account a
				  join registry.person p on p.id = a.person_id
				  join registry.household h on h.id = p.household_id
				  join registry.ownership o on o.room_id = h.room_id and o.person_id = p.id and o.until is null
				 where a.username in ('resident', 'committee', 'ownerrep')
				""").query(Long.class).single();
		assertThat(ownsHome).isEqualTo(3);
	}

	@Test
	void runningTheDemoSeedAgainChangesNothing() throws Exception {
		long rooms = this.jdbc.sql("select count(*) from registry.room").query(Long.class).single();
		long accounts = this.jdbc.sql("select count(*) from identity.account").query(Long.class).single();
		this.demoData.run(new DefaultApplicationArguments());
		assertThat(this.jdbc.sql("select count(*) from registry.room").query(Long.class).single()).isEqualTo(rooms);
		assertThat(this.jdbc.sql("select count(*) from identity.account").query(Long.class).single())
			.isEqualTo(accounts);
	}

}
