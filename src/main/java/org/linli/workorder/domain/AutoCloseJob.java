package org.linli.workorder.domain;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the automatic closing every ten minutes (a setting); the clock decides what is due. */
@Component
class AutoCloseJob {

	private final AutoClose autoClose;

	AutoCloseJob(AutoClose autoClose) {
		this.autoClose = autoClose;
	}

	@Scheduled(fixedDelayString = "${linli.workorder.auto-close.interval:PT10M}",
			initialDelayString = "${linli.workorder.auto-close.interval:PT10M}")
	void close() {
		this.autoClose.run();
	}

}
