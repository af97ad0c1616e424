package org.linli.iot;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.linli.iot.domain.AlarmService;
import org.linli.iot.domain.DeviceCommands;
import org.linli.iot.domain.DeviceDirectory;
import org.linli.iot.domain.DeviceService;
import org.linli.iot.domain.GatewayInput;

import org.springframework.stereotype.Service;

/** What other modules may ask of devices: list them, command them, feed the gateway (demo, simulator). */
@Service
public class IotApi {

	private final DeviceDirectory directory;

	private final DeviceService devices;

	private final DeviceCommands commands;

	private final GatewayInput input;

	private final AlarmService alarms;

	IotApi(DeviceDirectory directory, DeviceService devices, DeviceCommands commands, GatewayInput input,
			AlarmService alarms) {
		this.directory = directory;
		this.devices = devices;
		this.commands = commands;
		this.input = input;
		this.alarms = alarms;
	}

	public List<DeviceView> devices(UUID communityId, DeviceType type) {
		return this.directory.list(communityId, type, 10_000, 0).stream()
			.map(d -> new DeviceView(d.id(), d.type(), d.name(), d.where(), d.online()))
			.toList();
	}

	/** Registers a device with the given MQTT password (demo) and returns its id. */
	public String registerDevice(UUID communityId, String id, DeviceType type, String name, UUID buildingId,
			String unit, String location, String password) {
		return this.devices
			.register(communityId,
					new DeviceService.NewDevice(id, type.name(), name, buildingId, unit, null, location, password))
			.id();
	}

	/**
	 * Queues a command (a JSON object) for every door-opening device of the community; the gateway publishes each on
	 * the device's commands topic, once the broker is reachable. Returns how many devices were addressed.
	 */
	public int commandAllDoors(UUID communityId, Map<String, Object> command) {
		return this.commands.toAllDoors(communityId, command);
	}

	/**
	 * Hands a message to the gateway as if a device had published it on the topic (the demo seeding and the
	 * simulator's in-process mode); it is judged and stored like any other. Returns whether it was accepted.
	 */
	public boolean receive(String topic, String json) {
		return this.input.receive(topic, json);
	}

	public void goOnDuty(UUID communityId, String username) {
		this.alarms.goOnDuty(communityId, username);
	}

}
