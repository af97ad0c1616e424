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
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(EmbeddedPostgresServer.start(dataDirectory, clean));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("linli-embedded");
		return dataSource;
	}

}
