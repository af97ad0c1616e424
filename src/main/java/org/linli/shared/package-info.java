/**
 * The small open kernel every module may use: database bootstrap, demo-mode switch, masking, money in
 * fen, clock and problem details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.linli.shared;
