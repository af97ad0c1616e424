package org.linli.shared.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, in Asia/Shanghai by default. With {@code linli.clock.movable=true} (tests)
 * it is a {@link MovableClock} that tests move forward instead of waiting.
 */
@Configuration(proxyBeanMethods = false)
class LinliClock {

	@Bean
	Clock clock(@Value("${linli.zone:Asia/Shanghai}") ZoneId zone,
			@Value("${linli.clock.movable:false}") boolean movable) {
		Clock system = Clock.system(zone);
		return movable ? new MovableClock(system) : system;
	}

}
