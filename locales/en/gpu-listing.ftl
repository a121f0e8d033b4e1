# GPU server listing (core/gpu/listing): field labels and the messages of its refusal codes.

## Fields
gpu-listing-field-model = GPU model
gpu-listing-field-model-name = GPU model name
gpu-listing-model-other = Other
gpu-listing-field-gpu-count = Number of GPUs
gpu-listing-field-vram-gb = Memory per GPU (GB)
gpu-listing-field-cuda-cores = CUDA cores per GPU
gpu-listing-field-ram-gb = System RAM (GB)
gpu-listing-field-cpu-model = CPU model
gpu-listing-field-cpu-cores = CPU cores
gpu-listing-field-disk-gb = Disk (GB)
gpu-listing-field-ip = Public IP address
gpu-listing-field-ssh-port = SSH port
gpu-listing-field-ssh = SSH access
gpu-listing-field-ssh-user = SSH user
gpu-listing-field-ssh-password = SSH password
gpu-listing-field-ssh-private-key = SSH private key
gpu-listing-field-vnc = VNC access
gpu-listing-field-vnc-port = VNC port
gpu-listing-field-vnc-password = VNC password
gpu-listing-field-price-cents-per-gpu-hour = Price per GPU-hour (USD)
gpu-listing-field-location = Location
gpu-listing-field-location-country = Country
gpu-listing-field-location-city = City

## Refusals
gpu-listing-error-required = Please fill this in.
gpu-listing-error-invalid = This value is not valid.
gpu-listing-error-not-integer = Enter a whole number.
gpu-listing-error-out-of-range = Enter a whole number from { $min } to { $max }.
gpu-listing-error-text-length = Use { $min } to { $max } characters.
gpu-listing-error-model-unknown = Choose a GPU model from the list, or "Other".
gpu-listing-error-model-name-required = For "Other", type the GPU model's name.
gpu-listing-error-vram-mismatch = { $model } has { $expected } GB of memory per GPU. Check the value or choose another model.
gpu-listing-error-cuda-mismatch = { $model } has { $expected } CUDA cores. Check the value or choose another model.
gpu-listing-error-ip-invalid = Enter an IPv4 or IPv6 address, like 203.0.114.10 or 2a01:4f8::1.
gpu-listing-error-ip-not-public = This address cannot be reached from the internet (private, local or reserved). Enter the server's public IP.
gpu-listing-error-ssh-user-invalid = Enter a Linux user name: letters, digits, "_", "-" or ".", up to 32 characters, not starting with a digit.
gpu-listing-error-ssh-auth-required = Give an SSH password or a private key.
gpu-listing-error-ssh-key-invalid = This is not a private key. Paste the whole file, from "-----BEGIN" to "-----END … PRIVATE KEY-----".
gpu-listing-error-ssh-key-public = This is a public key. We need the private key that matches it to sign in.
gpu-listing-error-price-out-of-range = Set a price from ${ NUMBER($min, minimumFractionDigits: 2) } to ${ NUMBER($max, minimumFractionDigits: 2) } per GPU-hour.
gpu-listing-error-country-invalid = Choose a country (a two-letter ISO code such as DE or US).
gpu-listing-error-ssh-key-encrypted = This key is protected with a passphrase. Add a key without a passphrase for this server (ssh-keygen -N ""), or give a password.
