/**
 * Demo mode: the demo compound 幸福里小区 of the seed plan and the demo accounts, created once on first start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package org.linli.demo;
