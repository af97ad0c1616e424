package org.linli.iot;

/** A device as the API lists it (API.md): {@code location} is the building, unit and place in words. */
public record DeviceView(String id, DeviceType type, String name, String location, boolean online) {
}
