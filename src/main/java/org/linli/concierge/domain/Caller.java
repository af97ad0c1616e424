package org.linli.concierge.domain;

import org.linli.registry.Occupant;

/**
 * Who acts: station staff ({@code home} null) or a resident acting for the household they live in. A resident's
 * reads and writes are always narrowed to {@code home}. Every action of a person is audited.
 */
public record Caller(String username, Occupant home, boolean audited) {

	public Caller(String username, Occupant home) {
		this(username, home, true);
	}

	public static Caller staff(String username) {
		return new Caller(username, null, true);
	}

	/**
	 * The application itself acting as staff (demo content, imports): not a person's action, so not audited; the
	 * rows it writes still name it.
	 */
	public static Caller system(String name) {
		return new Caller(name, null, false);
	}

	public boolean isResident() {
		return this.home != null;
	}

}
