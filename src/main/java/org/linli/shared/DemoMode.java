package org.linli.shared;

import org.linli.shared.database.ExternalDatabase;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Demo mode creates the demo compound and its accounts with a known password. It is on by default with the embedded
 * database and off with an external one unless LINLI_DEMO=true (linli.demo) says otherwise.
 */
@Component
public class DemoMode {

	public static final String DEMO_PASSWORD = "Demo@2026";

	private final boolean enabled;

	public DemoMode(Environment environment) {
		String explicit = environment.getProperty("linli.demo");
		this.enabled = StringUtils.hasText(explicit) ? Boolean.parseBoolean(explicit.trim())
				: !ExternalDatabase.isConfigured(environment);
	}

	public boolean enabled() {
		return this.enabled;
	}

}
