package org.linli.governance.domain;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the closing at the deadline every minute (a setting); the clock decides what is due. */
@Component
class VoteDeadlineJob {

	private final VoteDeadlines deadlines;

	VoteDeadlineJob(VoteDeadlines deadlines) {
		this.deadlines = deadlines;
	}

	@Scheduled(fixedDelayString = "${linli.governance.deadline-close.interval:PT1M}",
			initialDelayString = "${linli.governance.deadline-close.interval:PT1M}")
	void close() {
		this.deadlines.run();
	}

}
