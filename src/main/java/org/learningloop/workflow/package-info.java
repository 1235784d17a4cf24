/**
 * Everything that touches the Camunda 7 engine: the process models' constants, delegates and
 * listeners, the bridge from the user directory to the engine's users and groups, and the engine's
 * web apps' single sign-on. No other package imports {@code org.camunda}; the domain does not know
 * which engine runs it.
 */
package org.learningloop.workflow;
