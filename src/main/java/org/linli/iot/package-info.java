/**
 * Devices and the MQTT gateway (物联感知): the device registry with per-device credentials, the embedded broker, the
 * gateway that turns device messages into stored events, alarm rules and the alarm lifecycle. Other modules use
 * {@link org.linli.iot.IotApi}, implement {@link org.linli.iot.DeviceEventHandler} to receive a type of device event
 * (access events, say) and listen to {@link org.linli.iot.AlarmRaised} and {@link org.linli.iot.AlarmEscalated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "IoT")
package org.linli.iot;
