module briefing/tools/basemapgen

go 1.26.0

require (
	briefing v0.0.0
	github.com/paulmach/orb v0.14.0
	github.com/sams96/rgeo v1.2.0
)

require (
	github.com/golang/geo v0.0.0-20200730024412-e86565bf3f35 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	github.com/twpayne/go-geom v1.4.4 // indirect
	go.mongodb.org/mongo-driver/v2 v2.5.0 // indirect
)

replace briefing => ../..
