/** The Client VPN port, its EC2 adapter and the VPN state model, shared by the portal and auto-off. */
package dev.switchboard.vpn;
