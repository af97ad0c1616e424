package org.linli.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.IdentityApi;
import org.linli.identity.NewAccount;
import org.linli.identity.Role;
import org.linli.registry.RegistryApi;
import org.linli.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demo compound and the demo accounts (API.md) on the first start in demo mode; later starts find them
 * and change nothing. The password is {@value DemoMode#DEMO_PASSWORD}; demo accounts skip the second factor.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	record DemoAccount(String username, String displayName, Role role, String personKey) {
	}

	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("admin", "平台管理员", Role.PLATFORM_ADMIN, null),
			new DemoAccount("security", "安全管理员", Role.SECURITY_ADMIN, null),
			new DemoAccount("auditor", "审计员", Role.AUDITOR, null),
			new DemoAccount("street", "街道干部", Role.STREET_OFFICER, null),
			new DemoAccount("manager", "物业经理", Role.PROPERTY_MANAGER, null),
			new DemoAccount("staff", "物业客服", Role.PROPERTY_STAFF, null),
			new DemoAccount("tech", "维修技师", Role.TECHNICIAN, null),
			new DemoAccount("committee", "业委会委员", Role.COMMITTEE_MEMBER, DemoCompound.COMMITTEE_KEY),
			new DemoAccount("resident", "业主", Role.RESIDENT, DemoCompound.RESIDENT_KEY),
			new DemoAccount("pm", "项目经理", Role.PROJECT_MANAGER, null),
			new DemoAccount("engineer", "监理工程师", Role.SUPERVISING_ENGINEER, null),
			new DemoAccount("ownerrep", "业主代表", Role.OWNER_REPRESENTATIVE, DemoCompound.OWNER_REPRESENTATIVE_KEY));

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoMode demoMode;

	private final RegistryApi registry;

	private final IdentityApi identity;

	private final JdbcClient jdbc;

	DemoData(DemoMode demoMode, RegistryApi registry, IdentityApi identity, JdbcClient jdbc) {
		this.demoMode = demoMode;
		this.registry = registry;
		this.identity = identity;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demoMode.enabled()) {
			return;
		}
		// one seeding at a time, even with several nodes or test contexts on one database
		this.jdbc.sql("select pg_advisory_xact_lock(20051001)").query().singleValue();
		if (this.registry.communityIdByCode(DemoCompound.CODE).isEmpty()) {
			RegistryApi.CreatedCompound compound = this.registry.createCompound(DemoCompound.plan());
			UUID street = this.registry.placeInRegions(compound.communityId(), DemoCompound.REGIONS);
			createAccounts(compound.communityId(), street, compound.personIds());
			log.info("Demo mode: created the demo compound {} ({})", DemoCompound.CODE, compound.communityId());
		}
		logAccounts();
	}

	/** Accounts serve the demo compound; the street officer serves its street, whatever compounds it holds. */
	private void createAccounts(UUID communityId, UUID street, Map<String, UUID> personIds) {
		for (DemoAccount account : ACCOUNTS) {
			if (this.identity.accountExists(account.username())) {
				continue;
			}
			Set<Role> roles = EnumSet.of(account.role());
			UUID personId = account.personKey() == null ? null : personIds.get(account.personKey());
			boolean officer = account.role() == Role.STREET_OFFICER;
			this.identity.createAccount(new NewAccount(account.username(), DemoMode.DEMO_PASSWORD,
					account.displayName(), roles, officer ? Set.of() : Set.of(communityId), personId, false, true,
					officer ? Set.of(street) : Set.of()));
		}
	}

	private void logAccounts() {
		StringBuilder table = new StringBuilder("Demo mode is ON. Demo accounts (password ")
			.append(DemoMode.DEMO_PASSWORD)
			.append("):");
		for (DemoAccount account : ACCOUNTS) {
			table.append(System.lineSeparator()).append("  %-10s %s".formatted(account.username(), account.role()));
		}
		log.warn(table.toString());
	}

}
