package org.linli.iot;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.linli.iot.domain.DeviceSimulator;
import org.linli.iot.domain.Traffic;

/**
 * Commands the application jar runs instead of starting the platform: {@code simulate-devices} plays realistic device
 * traffic for the demo compound through a running broker (docs/devices.md "Simulator").
 */
public final class IotCommands {

	static final String USAGE = """
			usage: java -jar linli.jar simulate-devices [--broker tcp://127.0.0.1:1883] [--community xingfuli]
			         [--rate 50] [--duration 60] [--mix demo|access] [--incidents-every 20]
			         [--devices id:TYPE,id:TYPE,...] [--password Demo@2026] [--window 100]
			  Every device logs in with its own id and the password (the demo compound's devices by default) and
			  publishes QoS 1 to its own events topic: --rate messages/s for --duration seconds.""";

	private IotCommands() {
	}

	/** Runs the command named by the first argument and returns its exit status, or -1 when there is none. */
	public static int run(String[] args) {
		if (args.length == 0 || !"simulate-devices".equals(args[0])) {
			return -1;
		}
		return simulate(args, System.out);
	}

	static int simulate(String[] args, PrintStream out) {
		DeviceSimulator.Plan plan;
		try {
			plan = plan(args);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			out.println(USAGE);
			return 2;
		}
		out.printf("simulating %d devices of %s on %s: %d msg/s for %d s (%s mix), run %s%n", plan.devices().size(),
				plan.communityCode(), plan.brokerUrl(), plan.rate(), plan.duration().toSeconds(),
				plan.mix().name().toLowerCase(Locale.ROOT), plan.runId());
		DeviceSimulator simulator = new DeviceSimulator(plan, Clock.system(ZoneId.of("Asia/Shanghai")));
		Thread progress = Thread.ofPlatform().daemon().start(() -> {
			try {
				while (true) {
					Thread.sleep(5000);
					DeviceSimulator.Stats stats = simulator.stats();
					out.printf("  %,d published, %,d acknowledged%n", stats.published(), stats.acknowledged());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			DeviceSimulator.Stats stats = simulator.run();
			out.printf("done: %,d published, %,d acknowledged, %,d failed, %d incidents in %.1f s (%,.0f msg/s)%n",
					stats.published(), stats.acknowledged(), stats.failed(), stats.incidents(),
					stats.elapsed().toNanos() / 1e9, stats.ratePerSecond());
			return stats.acknowledged() == stats.published() && stats.failed() == 0 ? 0 : 1;
		}
		catch (MqttException ex) {
			out.println("the broker refused or went away: " + ex.getMessage() + " (reason " + ex.getReasonCode() + ")");
			return 1;
		}
		finally {
			progress.interrupt();
		}
	}

	static DeviceSimulator.Plan plan(String[] args) {
		String broker = "tcp://127.0.0.1:1883";
		String community = "xingfuli";
		String password = "Demo@2026";
		int rate = 50;
		int seconds = 60;
		int window = 100;
		Traffic.Mix mix = Traffic.Mix.DEMO;
		Duration incidentEvery = Duration.ofSeconds(20);
		String devices = null;
		for (int i = 1; i < args.length; i++) {
			String name = args[i];
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value for " + name);
			}
			String value = args[++i];
			switch (name) {
				case "--broker" -> broker = value;
				case "--community" -> community = value;
				case "--password" -> password = value;
				case "--rate" -> rate = positive(name, value);
				case "--duration" -> seconds = positive(name, value);
				case "--window" -> window = positive(name, value);
				case "--incidents-every" -> incidentEvery = Duration.ofSeconds(positive(name, value));
				case "--mix" -> mix = switch (value.toLowerCase(Locale.ROOT)) {
					case "demo" -> Traffic.Mix.DEMO;
					case "access" -> Traffic.Mix.ACCESS;
					default -> throw new IllegalArgumentException("--mix is demo or access");
				};
				case "--devices" -> devices = value;
				default -> throw new IllegalArgumentException("unknown option " + name);
			}
		}
		List<Traffic.SimDevice> list = new ArrayList<>();
		if (devices == null) {
			for (Map.Entry<String, DeviceType> device : DeviceSimulator.DEMO_DEVICES.entrySet()) {
				list.add(new Traffic.SimDevice(device.getKey(), device.getValue(), password));
			}
		}
		else {
			for (String device : devices.split(",")) {
				String[] parts = device.trim().split(":");
				try {
					list.add(new Traffic.SimDevice(parts[0], DeviceType.valueOf(parts[1]), password));
				}
				catch (ArrayIndexOutOfBoundsException | IllegalArgumentException ex) {
					throw new IllegalArgumentException("--devices takes id:TYPE pairs, e.g. xfl-door-b1:DOOR_STATION");
				}
			}
		}
		if (mix == Traffic.Mix.ACCESS && list.stream().noneMatch(
				d -> d.type() == DeviceType.DOOR_STATION || d.type() == DeviceType.BARRIER_GATE)) {
			throw new IllegalArgumentException("the access mix needs a DOOR_STATION or BARRIER_GATE");
		}
		return new DeviceSimulator.Plan(broker, community, list, rate, Duration.ofSeconds(seconds), mix,
				incidentEvery, UUID.randomUUID().toString().substring(0, 8), window);
	}

	private static int positive(String name, String value) {
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// below
		}
		throw new IllegalArgumentException(name + " takes a whole number above 0");
	}

}
