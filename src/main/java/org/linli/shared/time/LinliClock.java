package org.linli.shared.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application, in Asia/Shanghai by default; tests replace it to move time. */
@Configuration(proxyBeanMethods = false)
class LinliClock {

	@Bean
	Clock clock(@Value("${linli.zone:Asia/Shanghai}") ZoneId zone) {
		return Clock.system(zone);
	}

}
