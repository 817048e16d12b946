/**
 * Turns the Client VPN off to save cost: at a fixed time ({@code force}) and when nobody has used it for a
 * while ({@code idle}). Invoked by EventBridge Scheduler, a classic EventBridge rule or directly; never by the ALB.
 */
package dev.switchboard.vpn.autooff;
