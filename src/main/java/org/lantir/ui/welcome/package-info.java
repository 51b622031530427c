/**
 * The welcome panel ("Getting started"): shown over the console at the first start, and
 * whenever asked (Alt+G): where Lantir's files are, what to type on a scanner, and the way
 * to the configuration editor, its data sources, and an existing pylantir file.
 */
package org.lantir.ui.welcome;
