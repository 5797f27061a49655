/** Text rules shared by several modules, such as which code points are CJK. */
package dev.catena.core.text;
