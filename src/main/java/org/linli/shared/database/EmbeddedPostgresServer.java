package org.linli.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per JVM, kept in a data directory between runs. Test contexts share it, so it lives
 * in a static holder rather than in a Spring bean: each data source acquires it and releases it when closed, and the
 * last release stops the server. That keeps it running until every context has shut down (a JVM shutdown hook would
 * race the contexts' own shutdown, which still needs the database).
 */
public final class EmbeddedPostgresServer {

	static final String DATABASE = "linli";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static EmbeddedPostgres server;

	private static Path serverDirectory;

	private static int users;

	private EmbeddedPostgresServer() {
	}

	/**
	 * Starts the server in the background while the application context is still being built; {@link #acquire}
	 * joins it. Saves the second or so the server takes to start.
	 */
	public static void startEarly(Path dataDirectory, boolean clean) {
		Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
			try {
				ensureStarted(dataDirectory, clean);
			}
			catch (RuntimeException ex) {
				// acquire() starts it again and reports the failure where it matters
				log.debug("Early start of embedded PostgreSQL failed", ex);
			}
		});
	}

	/** Starts the server on first call; later calls return the same JDBC URL. Pair each call with {@link #release()}. */
	public static synchronized String acquire(Path dataDirectory, boolean clean) {
		String url = ensureStarted(dataDirectory, clean);
		users++;
		return url;
	}

	private static synchronized String ensureStarted(Path dataDirectory, boolean clean) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		if (server != null) {
			if (!directory.equals(serverDirectory)) {
				log.warn("Embedded PostgreSQL already runs on {}; ignoring {}", serverDirectory, directory);
			}
			return jdbcUrl();
		}
		try {
			if (clean) {
				clearStaleLock(directory);
				deleteRecursively(directory);
			}
			Files.createDirectories(directory);
			clearStaleLock(directory);
			server = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(clean)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("timezone", "Asia/Shanghai")
				.setServerConfig("max_connections", "200")
				.setRegisterShutdownHook(false)
				.start();
			serverDirectory = directory;
			createDatabase();
			log.info("Embedded PostgreSQL started on port {} with data in {}", server.getPort(), directory);
			return jdbcUrl();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL in " + directory, ex);
		}
	}

	/** The last user to release the server stops it. */
	public static synchronized void release() {
		if (users > 0 && --users == 0 && server != null) {
			try {
				server.close();
			}
			catch (IOException ex) {
				log.warn("Could not stop embedded PostgreSQL cleanly", ex);
			}
			server = null;
			serverDirectory = null;
		}
	}

	private static String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
	}

	private static void createDatabase() {
		try (Connection connection = server.getPostgresDatabase().getConnection();
				var statement = connection.createStatement();
				var result = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
			if (!result.next()) {
				statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + DATABASE, ex);
		}
	}

	/**
	 * A JVM killed with SIGKILL leaves its postmaster running, or leaves postmaster.pid behind; either would stop the
	 * next start. A postmaster still serving this directory belongs to a dead run (a live run holds the directory), so
	 * it is stopped; a pid file whose process is gone is removed.
	 */
	static void clearStaleLock(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
			.flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(EmbeddedPostgresServer::isPostgres);
		if (process.isPresent()) {
			log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", process.get().pid(),
					directory);
			stop(process.get());
		}
		Files.deleteIfExists(pidFile);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static Optional<Long> parsePid(String line) {
		try {
			return Optional.of(Long.parseLong(line.trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.contains("postgres")).orElse(true);
	}

	private static void stop(ProcessHandle process) {
		process.destroy();
		try {
			process.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			process.destroyForcibly();
		}
	}

}
