package org.linli.concierge.domain;

import org.linli.registry.Occupant;

/**
 * Who acts: station staff ({@code home} null) or a resident acting for the household they live in. A resident's
 * reads and writes are always narrowed to {@code home}.
 */
public record Caller(String username, Occupant home) {

	public static Caller staff(String username) {
		return new Caller(username, null);
	}

	public boolean isResident() {
		return this.home != null;
	}

}
