print("qbattery")
