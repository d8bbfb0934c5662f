/** Where each task try's log file lives, shared by the executors and the REST API's log reader. */
package dev.updraft.scheduler.logs;
