/** The Airflow-compatible REST API and the dashboard. Not built yet: see issue 5. */
package dev.updraft.web;
