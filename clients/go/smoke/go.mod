// The smoke program's module: `make languages` copies it next to the generated client (.build/languages/go/client).
// Nothing is downloaded: the client resolves from ../client and needs only the standard library.
module memsy.io/sdk/memsy-go-smoke

go 1.19

require memsy.io/sdk/memsy-go v0.0.0

replace memsy.io/sdk/memsy-go => ../client
