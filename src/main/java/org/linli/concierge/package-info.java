/**
 * Concierge: the convenience station (便民服务站) of the seed plan — a catalogue of 3 categories and 20 services,
 * bookings in time slots with capacity, parcels with pickup codes, elderly meals (长者助餐). Other modules use
 * {@link org.linli.concierge.ConciergeApi} and listen to its events ({@link org.linli.concierge.ParcelArrived},
 * {@link org.linli.concierge.ParcelPickedUp}, {@link org.linli.concierge.BookingChanged}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Concierge")
package org.linli.concierge;
