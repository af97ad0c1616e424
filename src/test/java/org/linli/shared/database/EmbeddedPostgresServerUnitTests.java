package org.linli.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A run killed with SIGKILL must not stop the next start. */
class EmbeddedPostgresServerUnitTests {

	@TempDir
	Path directory;

	@Test
	void aPidFileOfAProcessThatIsGoneIsRemoved() throws Exception {
		Path pidFile = this.directory.resolve("postmaster.pid");
		Files.writeString(pidFile, "999999999\n" + this.directory + "\n");
		EmbeddedPostgresServer.clearStaleLock(this.directory);
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void aPostmasterLeftRunningByADeadRunIsStoppedAndTheDirectoryStartsAgain() throws Exception {
		Path data = this.directory.resolve("pg");
		// a server whose JVM died without shutting it down, as after SIGKILL
		String javaCommand = ProcessHandle.current().info().command().orElse("java");
		Process child = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
				OrphanPostgres.class.getName(), data.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("child.log").toFile())
			.start();
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(Files.readString(this.directory.resolve("child.log"))).contains("started");
		long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
		assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

		EmbeddedPostgresServer.clearStaleLock(data);

		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		try (EmbeddedPostgres again = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
			.start(); var connection = again.getPostgresDatabase().getConnection()) {
			assertThat(connection.isValid(5)).isTrue();
		}
	}

}
