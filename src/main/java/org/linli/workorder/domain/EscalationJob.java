package org.linli.workorder.domain;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the escalation every minute (a setting); the clock decides what is due, so tests move the clock instead. */
@Component
class EscalationJob {

	private final Escalation escalation;

	EscalationJob(Escalation escalation) {
		this.escalation = escalation;
	}

	@Scheduled(fixedDelayString = "${linli.workorder.escalation.interval:PT1M}",
			initialDelayString = "${linli.workorder.escalation.interval:PT1M}")
	void escalate() {
		this.escalation.run();
	}

}
