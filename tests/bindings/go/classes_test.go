// classes_test.go: run.sh adds it to the conformance test of a package
// whose catalog has classes, the one kind that has LookupClass.
package catalogerrors_test

import cat "errcat.example/catalogerrors"

func init() { lookupClass = cat.LookupClass }
