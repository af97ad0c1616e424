package org.linli.registry;

/** One level of a region path, province first: level PROVINCE, CITY, DISTRICT, STREET or COMMUNITY. */
public record RegionPlan(String level, String code, String name) {
}
