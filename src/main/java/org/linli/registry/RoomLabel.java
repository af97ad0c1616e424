package org.linli.registry;

import java.util.UUID;

/** A room as other modules name it on screens: building, unit and number. */
public record RoomLabel(UUID id, UUID communityId, String building, String unit, String number) {

	/** "1号楼 1-101": building name, then unit and room number. */
	public String label() {
		return this.building + " " + this.unit + "-" + this.number;
	}

}
