package org.linli.iot;

/** The kinds of device a compound installs (智能安防设备). */
public enum DeviceType {

	DOOR_STATION, CAMERA, AI_CAMERA, SMOKE_DETECTOR, WATER_LEAK_SENSOR, ELEVATOR_MONITOR, BARRIER_GATE, CHARGER, METER;

	/** Devices that open a door or gate and so take access credentials. */
	public boolean opensDoors() {
		return this == DOOR_STATION || this == BARRIER_GATE;
	}

}
