//go:build tools

// Package tools pins the Pulumi CLI's main package so that `go build` can
// build it from this module with the versions in go.mod.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
