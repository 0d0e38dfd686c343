package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefing/report"
)

// LockName is the lock file in a letter's output folder. It exists only
// while a build of the letter runs (or after one was killed: the next
// build takes it over, since the lock is the operating system's, held on
// the open file, and dies with its process).
const LockName = ".lock"

// Lock is a letter's output folder held by one build. Two builds of the
// same letter (CI and a user, two terminals, "make report" twice) would
// otherwise interleave their files, and the manifest written last could
// describe the other build's outputs. With the lock the second build
// waits, then finds the letter up to date.
type Lock struct {
	f    *os.File
	path string
	dir  string
}

// LockDir takes the lock of the output folder dir, creating the folder,
// and waits while another build holds it, calling waiting once when it
// starts to wait. It gives up when ctx is done. Release the lock with
// Unlock.
//
// The lock is advisory and per file: flock on Unix, LockFileEx on
// Windows. Both are released by the system when the process ends,
// however it ends, so a killed build never leaves a stale lock behind.
func LockDir(ctx context.Context, dir string, waiting func()) (*Lock, error) {
	path := filepath.Join(dir, LockName)
	delay := 5 * time.Millisecond
	for {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if errors.Is(err, fs.ErrNotExist) {
			continue // a failed build removed the empty folder meanwhile
		}
		if err != nil {
			return nil, err
		}
		held, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		if held {
			// The build before us deletes the file as it releases it: the
			// lock counts only on the file that is still at path.
			if sameFile(f, path) {
				return &Lock{f: f, path: path, dir: dir}, nil
			}
			unlock(f)
			f.Close()
			continue
		}
		f.Close()
		if waiting != nil {
			waiting()
			waiting = nil
		}
		// Poll rather than block in the system call, so that an
		// interrupt (ctx) ends the wait.
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(2*delay, 200*time.Millisecond)
	}
}

func sameFile(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}

// Unlock releases the lock and removes the lock file, and the folder when
// nothing else is in it (a letter that failed before writing anything
// leaves no empty folder behind).
func (l *Lock) Unlock() error {
	err := release(l.f, l.path)
	os.Remove(l.dir) // fails, as it should, unless the folder is empty
	return err
}

// RemoveTemporary removes what builds of the letter killed while writing
// left in its output folder dir: the temporary files Write names
// ".NAME.RANDOM.tmp" beside each output NAME. It removes nothing else,
// not even a temporary file of another name. Call it only while holding
// the folder's lock: then no other build is writing them.
func RemoveTemporary(dir string, l *report.Letter) error {
	byFolder := map[string][]string{}
	for _, p := range append(outputPaths(l), ManifestName) {
		folder, name := filepath.Split(filepath.FromSlash(p))
		byFolder[folder] = append(byFolder[folder], name)
	}
	var errs []error
	for folder, names := range byFolder {
		entries, err := os.ReadDir(filepath.Join(dir, folder))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, e := range entries {
			if e.Type().IsRegular() && isTemporary(e.Name(), names) {
				if err := os.Remove(filepath.Join(dir, folder, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
					errs = append(errs, err)
				}
			}
		}
	}
	return errors.Join(errs...)
}

// isTemporary reports whether file is a temporary file of one of names,
// as os.CreateTemp makes them from Write's pattern: "." NAME "." DIGITS
// ".tmp".
func isTemporary(file string, names []string) bool {
	for _, name := range names {
		rest, ok := strings.CutPrefix(file, "."+name+".")
		if !ok {
			continue
		}
		digits, ok := strings.CutSuffix(rest, ".tmp")
		if ok && digits != "" && strings.Trim(digits, "0123456789") == "" {
			return true
		}
	}
	return false
}
