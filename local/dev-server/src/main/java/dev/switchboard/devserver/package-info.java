/** The ALB + Cognito stand-in on localhost (never deployed). */
package dev.switchboard.devserver;
