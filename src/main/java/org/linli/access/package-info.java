/**
 * Access control (门禁): credentials per person (face only with separate consent and never alone, card, signed QR
 * code, PIN), access events from door stations (through the IoT gateway), visitor passes. Other modules use
 * {@link org.linli.access.AccessApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.linli.access;
