package org.linli.shared.database;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Starts PostgreSQL in a directory, then dies like a JVM killed with SIGKILL: no shutdown hooks run. */
public final class OrphanPostgres {

	private OrphanPostgres() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false).start();
		System.out.println("started");
		System.out.flush();
		Runtime.getRuntime().halt(0);
	}

}
