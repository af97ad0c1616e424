package org.linli.shared.database;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** Whether an external PostgreSQL server was configured (SPRING_DATASOURCE_URL); otherwise the embedded one runs. */
public final class ExternalDatabase {

	private ExternalDatabase() {
	}

	public static boolean isConfigured(Environment environment) {
		return StringUtils.hasText(environment.getProperty("spring.datasource.url"));
	}

}
