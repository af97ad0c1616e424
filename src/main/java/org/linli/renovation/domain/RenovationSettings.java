package org.linli.renovation.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Payment and control rules ({@code linli.renovation.*}, DOMAIN.md §7): progress payments up to 60% of a contract,
 * 30% after acceptance, the last 10% after the warranty period; the national cap on retained quality money (3%)
 * applies when {@code retentionCapEnforced} is on, so that at most that share waits for the warranty's end; 5%
 * contingency; one resident supervisor per 50 households, whose objections are answered within
 * {@code objectionAnswerDays} (7).
 */
@ConfigurationProperties("linli.renovation")
public record RenovationSettings(int progressCapPercent, int acceptancePercent, int finalPercent,
		int retentionCapPercent, boolean retentionCapEnforced, int contingencyPercent, int householdsPerSupervisor,
		int objectionAnswerDays) {

	public RenovationSettings {
		progressCapPercent = progressCapPercent == 0 ? 60 : progressCapPercent;
		acceptancePercent = acceptancePercent == 0 ? 30 : acceptancePercent;
		finalPercent = finalPercent == 0 ? 10 : finalPercent;
		retentionCapPercent = retentionCapPercent == 0 ? 3 : retentionCapPercent;
		contingencyPercent = contingencyPercent == 0 ? 5 : contingencyPercent;
		householdsPerSupervisor = householdsPerSupervisor == 0 ? 50 : householdsPerSupervisor;
		objectionAnswerDays = objectionAnswerDays == 0 ? 7 : objectionAnswerDays;
	}

	/** The share held back until the warranty period ends. */
	public int retainedPercent() {
		return this.retentionCapEnforced ? Math.min(this.finalPercent, this.retentionCapPercent) : this.finalPercent;
	}

}
