/**
 * Registry: the community database every other system reads (一户一档、一物一码). Other modules use
 * {@link org.linli.registry.RegistryApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.linli.registry;
