package org.linli.shared.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded PostgreSQL server when no external database is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresCondition.class)
class EmbeddedPostgresConfiguration {

	@Bean
	DataSource dataSource(@Value("${linli.embedded-postgres.data-directory}") Path dataDirectory,
			@Value("${linli.embedded-postgres.clean:false}") boolean clean) {
		HikariDataSource dataSource = new EmbeddedDataSource();
		dataSource.setJdbcUrl(EmbeddedPostgresServer.acquire(dataDirectory, clean));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(20);
		// batches become multi-row INSERTs: far fewer round trips and statement-level trigger runs
		dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
		dataSource.setPoolName("linli-embedded");
		return dataSource;
	}

	/** Releases the embedded server after the pool is closed, so the server outlives every connection. */
	static class EmbeddedDataSource extends HikariDataSource {

		private boolean released;

		@Override
		public synchronized void close() {
			super.close();
			if (!this.released) {
				this.released = true;
				EmbeddedPostgresServer.release();
			}
		}

	}

}
