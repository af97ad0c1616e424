package org.linli;

import java.nio.file.Path;

import org.linli.iot.IotCommands;
import org.linli.ledger.LedgerCommands;
import org.linli.shared.database.EmbeddedPostgresServer;
import org.linli.shared.database.ExternalDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/** Linli 邻里: the integrated smart-community management platform (智慧社区综合管理平台). */
@SpringBootApplication
public class LinliApplication {

	public static void main(String[] args) {
		int status = LedgerCommands.run(args);
		if (status < 0) {
			status = IotCommands.run(args);
		}
		if (status >= 0) {
			System.exit(status);
			return;
		}
		SpringApplication application = new SpringApplication(LinliApplication.class);
		application.addListeners(new StartEmbeddedDatabaseEarly());
		application.run(args);
	}

	/** The embedded database starts while the context is being built rather than when the data source is needed. */
	static final class StartEmbeddedDatabaseEarly implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			Environment environment = event.getEnvironment();
			if (!ExternalDatabase.isConfigured(environment)) {
				EmbeddedPostgresServer.startEarly(
						Path.of(environment.getRequiredProperty("linli.embedded-postgres.data-directory")),
						environment.getProperty("linli.embedded-postgres.clean", Boolean.class, false));
			}
		}

	}

}
