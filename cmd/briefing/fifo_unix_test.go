//go:build unix

package main

import "syscall"

// mkfifo makes a named pipe, a file whose reading blocks until something
// writes to it: what a loader that opened any file would hang on.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }
