/**
 * Work orders: repairs and complaints (报修、投诉) with the "15-minute response" SLA clock, dispatch, escalation to the
 * supervisor and the manager, rating and return visits. Other modules use {@link org.linli.workorder.WorkOrderApi}
 * and listen to the events of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work orders")
package org.linli.workorder;
