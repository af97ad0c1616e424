package org.linli.governance.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.governance.Choice;
import org.linli.governance.GovernanceApi;
import org.linli.governance.Matter;
import org.linli.registry.CompoundPlan;
import org.linli.registry.CompoundPlan.AreaSource;
import org.linli.registry.CompoundPlan.BuildingPlan;
import org.linli.registry.CompoundPlan.OwnerPlan;
import org.linli.registry.CompoundPlan.OwnerType;
import org.linli.registry.CompoundPlan.PersonPlan;
import org.linli.registry.CompoundPlan.Relation;
import org.linli.registry.CompoundPlan.RoomPlan;
import org.linli.registry.ExclusivePart;
import org.linli.registry.RegistryApi;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Roll freeze and tally at district scale (bench/governance.sh): one compound of 100,000 rooms with single owners,
 * co-owners, owners of two rooms and developer-held rooms; then the demo compound (1,500 rooms). Times are printed
 * and written to target/governance-bench.txt, never asserted. Not part of the test suite (its name does not end in
 * Tests); run it with -Dit.test=GovernanceBenchmark.
 */
@LinliIntegrationTest
class GovernanceBenchmark {

	private static final int ROOMS = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROOMS", "100000"));

	private static final int RUNS = 3;

	@Autowired
	RegistryApi registry;

	@Autowired
	GovernanceApi governance;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final List<String> lines = new ArrayList<>();

	/** When the measurements started: only events published since then are waited for. */
	private java.time.Instant started = java.time.Instant.now();

	@Test
	void freezeAndTally() throws IOException {
		this.started = java.time.Instant.now();
		long start = System.nanoTime();
		UUID big = this.registry.createCompound(plan(ROOMS)).communityId();
		say("compound of %,d rooms created in %d ms", ROOMS, ms(start));
		measure("district compound", big);
		measure("demo compound xingfuli", this.registry.communityIdByCode("xingfuli").orElseThrow());
		Files.write(Path.of("target", "governance-bench.txt"), this.lines);
	}

	private void measure(String name, UUID cid) {
		List<ExclusivePart> parts = this.registry.exclusiveParts(cid, LocalDate.now());
		long[] read = new long[RUNS + 1];
		long[] readCpu = new long[RUNS + 1];
		long[] readBackend = new long[RUNS + 1];
		for (int run = 0; run <= RUNS; run++) {
			long t = System.nanoTime();
			this.registry.exclusiveParts(cid, LocalDate.now());
			read[run] = micros(t);
			long[] cpu = cpuOf(() -> this.registry.exclusiveParts(cid, LocalDate.now()));
			readCpu[run] = cpu[0];
			readBackend[run] = cpu[1];
		}
		say("%s: of which the registry read %s ms; CPU (thread + backend) %s ms, of which backend %s ms", name,
				format(read), format(readCpu), format(readBackend));
		say("%s: registry tables analyzed when measured: %s", name, this.jdbc.sql("select string_agg(relname || '=' "
				+ "|| (coalesce(last_analyze, last_autoanalyze) is not null), ' ' order by relname) "
				+ "from pg_stat_user_tables where schemaname = 'registry' and relname in ('room', 'ownership', 'person')")
			.query(String.class)
			.single());
		Map<UUID, Choice> choices = new HashMap<>();
		Choice[] pattern = { Choice.APPROVE, Choice.APPROVE, Choice.APPROVE, Choice.REJECT, Choice.ABSTAIN };
		for (int i = 0; i < parts.size(); i++) {
			if (i % 10 < 8) {
				Choice choice = pattern[i % pattern.length];
				parts.get(i).ownerIds().forEach(owner -> choices.putIfAbsent(owner, choice));
			}
		}
		long[] freeze = new long[RUNS + 1];
		long[] tally = new long[RUNS + 1];
		long[] freezeCpu = new long[RUNS + 1];
		long[] freezeBackend = new long[RUNS + 1];
		long[] indexReady = new long[RUNS + 1];
		long[] background = new long[RUNS + 1];
		int owners = 0;
		for (int run = 0; run <= RUNS; run++) {
			UUID vote = this.governance.createVote(cid, "基准测试 " + run, Matter.FUND_RAISE, null,
					OffsetDateTime.now().plusDays(7), "bench");
			quiet();
			long t = System.nanoTime();
			owners = this.governance.openVote(vote, "bench");
			freeze[run] = micros(t);
			indexReady[run] = rollExpanded(vote, t + freeze[run] * 1000);
			quiet();
			background[run] = micros(t) - freeze[run];
			// the same freeze again on a second draft, measured by CPU time (it joins the measuring transaction)
			UUID twin = this.governance.createVote(cid, "基准测试 CPU " + run, Matter.OTHER, null,
					OffsetDateTime.now().plusDays(7), "bench");
			long[] cpu = cpuOf(() -> this.governance.openVote(twin, "bench"));
			freezeCpu[run] = cpu[0];
			freezeBackend[run] = cpu[1];
			// its expansion runs after the commit: let it finish before anything else is measured
			rollExpanded(twin, System.nanoTime());
			this.governance.closeVote(twin, "bench");
			quiet();
			t = System.nanoTime();
			int cast = this.governance.castOnline(vote, choices, "bench");
			long castMicros = micros(t);
			quiet();
			t = System.nanoTime();
			var result = this.governance.closeVote(vote, "bench");
			tally[run] = micros(t);
			if (run == 0) {
				say("%s: %,d owners on the roll, %,d ballots (set-based insert %d ms), result: quorum %s, adopted %s",
						name, owners, cast, castMicros / 1000, result.quorumMet(), result.adopted());
			}
		}
		// run 0 warms the JIT and the database caches; runs 1..RUNS are reported
		say("%s: freeze roll   %s ms (runs after warm-up), warm-up %s ms", name, format(freeze), millis(freeze[0]));
		if (indexReady[0] >= 0) {
			say("%s: roll expanded (entries + person index, asynchronous) %s ms after the opening returned", name,
					format(indexReady));
		}
		say("%s: every listener of the opening (expansion, in-app notices to the owners) done %s ms after it returned",
				name, format(background));
		say("%s: freeze roll CPU (this thread + its PostgreSQL backend) %s ms, of which backend %s ms", name,
				format(freezeCpu), format(freezeBackend));
		say("%s: close + tally %s ms (runs after warm-up), warm-up %s ms", name, format(tally), millis(tally[0]));
	}

	/**
	 * Runs the work in a transaction that the service joins, and answers the CPU time it took in microseconds: this
	 * thread's (registry rows decoded, roll built, COPY encoded) plus that of the one PostgreSQL backend serving the
	 * transaction, then the backend's part alone (/proc, 10 ms ticks; Linux only). On a machine shared with other builds the wall clock mostly
	 * measures the others; this does much less so, and leaves out asynchronous listeners (notices, person index) and
	 * the commit's wait for the disk.
	 */
	private long[] cpuOf(Runnable work) {
		long[] micros = new long[2];
		new org.springframework.transaction.support.TransactionTemplate(this.transactions).executeWithoutResult(tx -> {
			int pid = this.jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
			java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
			long thread = threads.getCurrentThreadCpuTime();
			long backend = ticks(pid);
			work.run();
			micros[1] = (ticks(pid) - backend) * 10_000;
			micros[0] = (threads.getCurrentThreadCpuTime() - thread) / 1000 + micros[1];
		});
		return micros;
	}

	/**
	 * Microseconds from the opening's return until the roll's document is expanded into its entries and person index
	 * (-1 where the roll has no document).
	 */
	private long rollExpanded(UUID vote, long openedNanos) {
		try {
			while (!this.jdbc.sql("select expanded_at is not null from governance.vote_roll where vote_id = :v")
				.param("v", vote)
				.query(Boolean.class)
				.single()) {
				Thread.sleep(5);
			}
			return (System.nanoTime() - openedNanos) / 1000;
		}
		catch (RuntimeException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/**
	 * Waits until every listener of the governance events published since the benchmark started (the roll's
	 * expansion, notices to the owners, the ledger) has finished (the demo's IoT alarms are not waited for), so that no measurement shares the two cores with the previous step's
	 * background work; answers the microseconds waited. Failed publications are not waited for; at most two minutes.
	 */
	private long quiet() {
		long start = System.nanoTime();
		try {
			while (this.jdbc.sql("select count(*) from event_publication where completion_date is null "
					+ "and publication_date >= :since and event_type like 'org.linli.governance.%' "
					+ "and (status is null or status <> 'FAILED')")
				.param("since", java.sql.Timestamp.from(this.started))
				.query(Long.class)
				.single() > 0 && System.nanoTime() - start < 120_000_000_000L) {
				Thread.sleep(10);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return micros(start);
	}

	private static long ticks(int pid) {
		try {
			String text = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
			String[] stat = text.substring(text.lastIndexOf(')') + 2).split(" ");
			// after the command: state(0) ppid(1) ... utime(11) stime(12)
			return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static CompoundPlan plan(int rooms) {
		LocalDate since = LocalDate.of(2015, 6, 1);
		int perBuilding = 1000;
		List<BuildingPlan> buildings = new ArrayList<>();
		String previousOwner = null;
		int room = 0;
		for (int b = 0; room < rooms; b++) {
			List<RoomPlan> plans = new ArrayList<>(perBuilding);
			for (int i = 0; i < perBuilding && room < rooms; i++, room++) {
				String key = "p" + room;
				String number = "%d%02d".formatted(1 + i / 40, 1 + i % 40);
				BigDecimal area = new BigDecimal(6000 + (room * 37) % 9000).movePointLeft(2);
				int kind = room % 100;
				OwnerPlan owner;
				List<PersonPlan> household;
				if (kind < 2) {
					// developer-held (unsold or undelivered)
					household = List.of();
					owner = new OwnerPlan(OwnerType.DEVELOPER, List.of(), since);
				}
				else if (kind < 5 && previousOwner != null) {
					// the previous room's owner owns this one too; a tenant lives here
					household = List.of(person(key + "t", Relation.TENANT));
					owner = new OwnerPlan(OwnerType.PERSON, List.of(previousOwner), since);
				}
				else if (kind < 12) {
					household = List.of(person(key, Relation.OWNER), person(key + "c", Relation.CO_OWNER));
					owner = new OwnerPlan(OwnerType.PERSON, List.of(key, key + "c"), since);
				}
				else {
					household = List.of(person(key, Relation.OWNER));
					owner = new OwnerPlan(OwnerType.PERSON, List.of(key), since);
				}
				if (!household.isEmpty() && household.getFirst().relation() != Relation.TENANT) {
					previousOwner = key;
				}
				plans.add(new RoomPlan("1", 1 + i / 40, number, area,
						AreaSource.values()[room % 7 == 0 ? 1 : room % 13 == 0 ? 2 : 0], area, since, household, owner));
			}
			buildings.add(new BuildingPlan((b + 1) + "号楼", true, plans));
		}
		return new CompoundPlan("bench-" + UUID.randomUUID().toString().substring(0, 8), "基准小区", "基准路", 2015,
				buildings);
	}

	private static PersonPlan person(String key, Relation relation) {
		return new PersonPlan(key, "业主" + key, 'F', LocalDate.of(1980, 1, 1), relation, null, null);
	}

	private void say(String format, Object... args) {
		String line = format.formatted(args);
		this.lines.add(line);
		System.out.println("[governance-bench] " + line);
	}

	private static String format(long[] micros) {
		long[] measured = Arrays.copyOfRange(micros, 1, micros.length);
		Arrays.sort(measured);
		return "min %s / median %s / max %s".formatted(millis(measured[0]), millis(measured[measured.length / 2]),
				millis(measured[measured.length - 1]));
	}

	private static String millis(long micros) {
		return "%.1f".formatted(micros / 1000.0);
	}

	private static long micros(long start) {
		return (System.nanoTime() - start) / 1000;
	}

	private static long ms(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
