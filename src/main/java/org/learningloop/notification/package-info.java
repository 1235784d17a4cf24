/**
 * Email: how messages leave the system. In the embedded default they are written as {@code .eml} files to a drop
 * folder; with {@code spring.mail.host} set they go to that SMTP server.
 */
package org.learningloop.notification;
